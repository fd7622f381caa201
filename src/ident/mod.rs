//! Norwegian identifiers, one module each (see issue 3).
