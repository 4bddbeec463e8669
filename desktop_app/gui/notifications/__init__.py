"""The clerk's notifications: the in-app list with its unread count, and desktop messages."""
