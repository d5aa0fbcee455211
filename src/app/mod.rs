//! Reader state and the only place it changes: `App::update(Action)`. No ratatui types here.
