"""Reading articles: formats (text, JSON Lines, HTML), text cleaning, language and size guards."""
