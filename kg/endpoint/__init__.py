"""The SPARQL 1.1 Protocol endpoint: the app, content negotiation, the killable query pool."""
