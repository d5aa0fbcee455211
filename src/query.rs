//! The filter language: free words, `@actor`, `source:`, `date:`, `after:`, `before:`, `-term`.
