"""Pure page-processing cores (decoding, extraction, classification) and their Scrapy shells."""
