// Progressive enhancement of the console pages; each page works without it.
