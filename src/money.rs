//! NOK amounts in Norwegian writing.
