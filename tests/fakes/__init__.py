"""Local HTTP servers that speak other services' APIs (the network boundary, nothing else)."""
