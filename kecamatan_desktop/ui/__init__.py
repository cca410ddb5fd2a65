"""Qt widgets, item models and views: draw what services return, change data only through them."""
