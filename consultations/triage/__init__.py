"""Research triage: thousands of papers down to the few that answer cost, failure or compute."""
