//! Health trusts (helseforetak) and hospital configuration.
