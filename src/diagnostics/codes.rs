//! Every diagnostic code the program can emit, with its severity. Codes are stable forever: a
//! retired code is never reused. The letter says the layer: P syntax, N names, U units,
//! T targets, W weights, C codes and classification, M measurement files, E evaluation,
//! F files.

use super::Severity;

macro_rules! codes {
    ($($code:ident => $severity:ident,)*) => {
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Code {
            $($code,)*
        }

        impl Code {
            /// Every code, in order.
            pub const ALL: &'static [Code] = &[$(Code::$code,)*];

            pub fn as_str(self) -> &'static str {
                match self {
                    $(Code::$code => stringify!($code),)*
                }
            }

            pub fn severity(self) -> Severity {
                match self {
                    $(Code::$code => Severity::$severity,)*
                }
            }
        }
    };
}

codes! {
    // Files
    F0001 => Error,
    F0002 => Error,
    F0003 => Error,
    F0004 => Warning,
    F0005 => Error,
    F0006 => Error,
    // Syntax
    P0101 => Error,
    P0102 => Error,
    P0103 => Error,
    P0104 => Error,
    P0105 => Error,
    P0106 => Error,
    P0107 => Error,
    P0108 => Error,
    P0109 => Error,
    P0110 => Error,
    P0111 => Error,
    P0112 => Error,
    P0113 => Error,
    P0114 => Error,
    P0115 => Error,
    P0116 => Error,
    P0117 => Error,
    P0118 => Error,
    P0119 => Error,
    P0120 => Error,
    P0121 => Error,
    P0122 => Error,
    P0123 => Error,
    P0124 => Error,
    P0125 => Error,
    P0126 => Error,
    P0127 => Error,
    P0128 => Error,
    P0129 => Error,
    P0140 => Warning,
    // Names and structure
    N0201 => Error,
    N0202 => Error,
    N0203 => Error,
    N0204 => Warning,
    N0205 => Warning,
    N0206 => Error,
    N0207 => Error,
    N0208 => Error,
    N0210 => Warning,
    N0211 => Warning,
    N0212 => Warning,
    N0213 => Warning,
    // Units
    U0301 => Error,
    U0302 => Error,
    U0303 => Error,
    U0304 => Error,
    U0305 => Warning,
    U0306 => Error,
    U0307 => Error,
    U0308 => Error,
    U0309 => Error,
    U0310 => Error,
    U0311 => Error,
    U0312 => Warning,
    // Targets
    T0401 => Error,
    T0402 => Warning,
    T0403 => Error,
    T0404 => Error,
    T0405 => Error,
    T0406 => Error,
    T0407 => Warning,
    // Weights
    W0501 => Error,
    W0502 => Error,
    W0503 => Error,
    W0504 => Error,
    W0505 => Error,
    W0506 => Error,
    // Codes and classification
    C0601 => Error,
    C0602 => Warning,
    C0603 => Warning,
    C0604 => Warning,
    C0605 => Error,
    C0606 => Error,
    C0607 => Warning,
    C0608 => Warning,
    // Measurement files
    M0701 => Error,
    M0702 => Error,
    M0703 => Error,
    M0704 => Error,
    M0705 => Error,
    M0706 => Error,
    M0707 => Error,
    M0708 => Error,
    M0709 => Error,
    M0710 => Error,
    M0711 => Error,
    M0712 => Error,
    M0713 => Error,
    M0714 => Error,
    M0715 => Error,
    M0716 => Warning,
    M0717 => Error,
    M0718 => Error,
    // Spreadsheets (issue 12)
    M0730 => Error,
    M0731 => Error,
    M0732 => Error,
    M0733 => Error,
    M0734 => Warning,
    M0735 => Error,
    M0736 => Error,
    M0737 => Warning,
    // Evaluation
    E0801 => Warning,
    E0802 => Warning,
    E0803 => Error,
    E0804 => Warning,
    E0810 => Error,
    E0811 => Error,
}

impl Code {
    pub fn parse(text: &str) -> Option<Code> {
        let upper = text.trim().to_ascii_uppercase();
        Code::ALL.iter().copied().find(|c| c.as_str() == upper)
    }
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}
