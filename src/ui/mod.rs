//! Pure draw functions, one per pane, from `&App` to a ratatui frame.
