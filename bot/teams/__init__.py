"""Microsoft Teams through the Bot Framework (botbuilder-python).

botbuilder-python is archived upstream; the Microsoft 365 Agents SDK is its successor. Nothing
here holds consultation logic: ``bot.py`` turns activities into service calls, ``routes.py``
mounts it, ``gateway.py`` posts from workers. Replacing the SDK means replacing this package.
"""
