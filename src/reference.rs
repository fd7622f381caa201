//! The reference number `[YYYY-MM-DD]-[HF]-[Dept]`.
