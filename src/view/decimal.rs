//! Numbers as the app prints them (SVG coordinates and sizes, CSS
//! transforms, percentages, the numbers in links and exports): rounded to a
//! few decimal places with integer arithmetic. Rust's own float printing
//! (`{}`, `{:.1}`) would carry Grisu and Dragon4 with their tables into the
//! wasm, about 6 KiB of the shell gzipped.

use std::fmt;

/// `value` rounded to `places` decimal places (at most 9), halves away from
/// zero, without trailing zeros: 2.50 → `2.5`, 3.0 → `3`, -0.001 at two
/// places → `0`. Right for magnitudes under 10^19 / 10^`places`; larger
/// ones print as that bound and NaN as 0 (the app prints neither).
#[derive(Debug, Clone, Copy)]
pub struct Decimal {
    value: f64,
    places: u32,
}

pub fn decimal(value: impl Into<f64>, places: u32) -> Decimal {
    Decimal { value: value.into(), places: places.min(9) }
}

impl fmt::Display for Decimal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let scale = 10u64.pow(self.places);
        // `as` saturates: a magnitude too large for u64 prints as its maximum.
        let scaled = (self.value.abs() * scale as f64).round() as u64;
        if scaled == 0 {
            return f.write_str("0");
        }
        if self.value < 0.0 {
            f.write_str("-")?;
        }
        write!(f, "{}", scaled / scale)?;
        let mut fraction = scaled % scale;
        if fraction == 0 {
            return Ok(());
        }
        let mut digits = self.places as usize;
        while fraction % 10 == 0 {
            fraction /= 10;
            digits -= 1;
        }
        write!(f, ".{fraction:0digits$}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn decimals_drop_trailing_zeros_and_negative_zero() {
        let cases = [
            (2.5, 2, "2.5"),
            (3.0, 1, "3"),
            (-0.001, 2, "0"),
            (-0.005, 2, "-0.01"),
            (0.05, 4, "0.05"),
            (1234.5678, 0, "1235"),
            (-12.34, 1, "-12.3"),
            (0.000_123, 6, "0.000123"),
        ];
        for (value, places, printed) in cases {
            assert_eq!(decimal(value, places).to_string(), printed, "{value} at {places}");
        }
    }

    proptest! {
        /// What `format!("{:.N}")` prints, trailing zeros dropped, except
        /// within rounding error of a half, where either neighbour is right.
        #[test]
        fn decimals_print_what_the_standard_formatter_prints(value in -1e9f64..1e9, places in 0u32..5) {
            let scaled = value.abs() * 10f64.powi(places as i32);
            prop_assume!((scaled.fract() - 0.5).abs() > 1e-6 + scaled * 1e-15);
            let standard = format!("{value:.0$}", places as usize);
            let standard = if standard.contains('.') { standard.trim_end_matches('0').trim_end_matches('.') } else { &standard };
            let standard = if standard == "-0" { "0" } else { standard };
            prop_assert_eq!(decimal(value, places).to_string(), standard);
        }
    }
}
