//! Requests at every position of the shipped plans: every answer is a result, never an error.
