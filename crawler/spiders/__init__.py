"""Spiders of the malinews Scrapy project."""
