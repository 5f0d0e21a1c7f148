"""The malinews Scrapy project: settings, the news spider and the site registry."""
