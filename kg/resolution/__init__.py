"""Resolution: mentions of one entity across sentences, articles and papers become one entity
(`resolve`), and organisations are placed in their hierarchy (`hierarchy`)."""
