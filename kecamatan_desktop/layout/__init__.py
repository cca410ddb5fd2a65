"""Pure geometry of the swimlane flowchart, in points: one layout for screen, image and paper."""
