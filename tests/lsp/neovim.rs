//! Neovim as a real client.
