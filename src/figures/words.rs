//! The words figures are made of: scales, currencies, units, fractions and the nouns
//! of a rate (`a barrel`). Each lookup takes a word as written; case matters only where
//! it tells things apart (`USD` is a code, `usd` is not).

/// The power of ten a scale word multiplies by: `million` → 6, `bn` → 9.
/// `needs_currency`: single letters (`5m`, `$3b`, `50k`) are scales only on money.
pub fn scale(word: &str) -> Option<(i32, bool)> {
    let lower = word.to_ascii_lowercase();
    Some(match lower.as_str() {
        "thousand" => (3, false),
        "million" | "mln" | "mn" | "mio" => (6, false),
        "billion" | "bln" | "bn" => (9, false),
        "trillion" | "tn" | "trn" => (12, false),
        "lakh" => (5, false),
        "crore" => (7, false),
        "k" => (3, true),
        "m" => (6, true),
        "b" => (9, true),
        _ => return None,
    })
}

/// A currency symbol, with the letters that may stand right before it: `$` → USD,
/// `C$` → CAD, `HK$` → HKD.
pub fn currency_symbol(symbol: &str, letters: &str) -> Option<&'static str> {
    Some(match (symbol, letters) {
        ("$", "") | ("$", "US") | ("$", "U.S.") => "USD",
        ("$", "C" | "CA" | "Can") => "CAD",
        ("$", "A" | "AU" | "Aus") => "AUD",
        ("$", "NZ") => "NZD",
        ("$", "HK") => "HKD",
        ("$", "S" | "SG") => "SGD",
        ("$", "NT") => "TWD",
        ("$", "R") => "BRL",
        ("$", "Mex" | "MX") => "MXN",
        ("€", "") => "EUR",
        ("£", "") => "GBP",
        ("¥", "") => "JPY",
        ("₩", "") => "KRW",
        ("₹", "") => "INR",
        ("₽", "") => "RUB",
        ("₺", "") => "TRY",
        ("₪", "") => "ILS",
        ("₱", "") => "PHP",
        ("₫", "") => "VND",
        ("₦", "") => "NGN",
        _ => return None,
    })
}

/// An ISO 4217 code written as a word (`USD 5 million`, `5 billion KRW`), upper case
/// only; `Rs` and `RMB` are the usual non-ISO ones.
pub fn currency_code(word: &str) -> Option<&'static str> {
    const CODES: &[&str] = &[
        "USD", "EUR", "GBP", "JPY", "KRW", "CNY", "CAD", "AUD", "CHF", "INR", "HKD", "SGD", "NZD",
        "MXN", "BRL", "RUB", "ZAR", "SEK", "NOK", "DKK", "TRY", "SAR", "AED", "ILS", "NGN", "KES",
        "EGP", "PHP", "THB", "IDR", "MYR", "VND", "TWD", "PLN", "PKR", "UAH", "ARS", "CLP", "COP",
    ];
    // All are two or three letters, the first a capital (this runs on every word).
    if !(2..=3).contains(&word.len()) || !word.starts_with(|c: char| c.is_ascii_uppercase()) {
        return None;
    }
    match word {
        "RMB" => Some("CNY"),
        "Rs" | "INR" => Some("INR"),
        "DM" => Some("DEM"),
        _ => CODES.iter().find(|&&c| c == word).copied(),
    }
}

/// A currency named after the number (`dollars`, `yen`, `won`), with the adjective that
/// may come between (`5 billion Canadian dollars`; `""` for none). `None` for a pair
/// that names no currency; `Some(None)` for a currency whose country the words do not
/// say (`francs`).
pub fn currency_word(adjective: &str, noun: &str) -> Option<Option<&'static str>> {
    let noun = noun.to_ascii_lowercase();
    let code = match (adjective, noun.as_str()) {
        ("" | "u.s." | "us" | "american", "dollar" | "dollars" | "dlr" | "dlrs") => "USD",
        ("canadian", "dollar" | "dollars" | "dlrs") => "CAD",
        ("australian", "dollar" | "dollars" | "dlrs") => "AUD",
        ("new zealand", "dollar" | "dollars") => "NZD",
        ("hong kong", "dollar" | "dollars") => "HKD",
        ("singapore", "dollar" | "dollars") => "SGD",
        ("taiwan" | "new taiwan", "dollar" | "dollars") => "TWD",
        ("", "euro" | "euros") => "EUR",
        ("" | "british", "pounds" | "pound") if !adjective.is_empty() => "GBP",
        ("", "sterling" | "stg") => "GBP",
        ("" | "japanese", "yen") => "JPY",
        ("" | "south korean" | "korean", "won") => "KRW",
        ("" | "chinese", "yuan" | "renminbi") => "CNY",
        ("" | "indian", "rupee" | "rupees") => "INR",
        ("pakistani", "rupee" | "rupees") => "PKR",
        ("" | "russian", "rouble" | "roubles" | "ruble" | "rubles") => "RUB",
        ("swiss", "franc" | "francs") => "CHF",
        ("french", "franc" | "francs") => "FRF",
        ("belgian", "franc" | "francs") => "BEF",
        ("" | "german" | "west german", "marks") => "DEM",
        ("" | "dutch", "guilders") => "NLG",
        ("" | "italian", "lire" | "lira") if noun == "lire" || adjective == "italian" => "ITL",
        ("" | "turkish", "lira" | "liras") => "TRY",
        ("" | "spanish", "pesetas") => "ESP",
        ("mexican", "pesos") => "MXN",
        ("argentine", "pesos") => "ARS",
        ("chilean", "pesos") => "CLP",
        ("colombian", "pesos") => "COP",
        ("" | "brazilian", "reais" | "real") if noun == "reais" || adjective == "brazilian" => {
            "BRL"
        }
        ("" | "south african", "rand") => "ZAR",
        ("" | "saudi", "riyals") => "SAR",
        ("" | "uae", "dirhams") => "AED",
        ("" | "israeli", "shekels") => "ILS",
        ("" | "nigerian", "naira") => "NGN",
        ("" | "malaysian", "ringgit") => "MYR",
        ("" | "thai", "baht") => "THB",
        ("" | "indonesian", "rupiah") => "IDR",
        ("philippine", "pesos") => "PHP",
        ("" | "vietnamese", "dong") if !adjective.is_empty() => "VND",
        ("" | "ukrainian", "hryvnias" | "hryvnia") => "UAH",
        ("danish", "kroner") => "DKK",
        ("norwegian", "kroner") => "NOK",
        ("" | "swedish", "kronor" | "crowns") if noun == "kronor" || adjective == "swedish" => {
            "SEK"
        }
        ("", "francs" | "kroner" | "pesos") => return Some(None),
        _ => return None,
    };
    Some(Some(code))
}

/// Adjectives that may stand between a number and its currency: `Canadian` dollars.
/// Lower case; two-word ones (`hong kong`) are matched word by word by the caller.
pub fn is_currency_adjective(words: &str) -> bool {
    matches!(
        words,
        "u.s."
            | "us"
            | "american"
            | "canadian"
            | "australian"
            | "new zealand"
            | "hong kong"
            | "singapore"
            | "taiwan"
            | "new taiwan"
            | "british"
            | "japanese"
            | "south korean"
            | "korean"
            | "chinese"
            | "indian"
            | "pakistani"
            | "russian"
            | "swiss"
            | "french"
            | "belgian"
            | "german"
            | "west german"
            | "dutch"
            | "italian"
            | "turkish"
            | "spanish"
            | "mexican"
            | "argentine"
            | "chilean"
            | "colombian"
            | "brazilian"
            | "south african"
            | "saudi"
            | "uae"
            | "israeli"
            | "nigerian"
            | "malaysian"
            | "thai"
            | "indonesian"
            | "philippine"
            | "vietnamese"
            | "ukrainian"
            | "danish"
            | "norwegian"
            | "swedish"
    )
}

/// The hundredth of a currency: `60 cents`, Reuters' `25 cts` (`Some(None)`: which
/// currency, the words do not say), `50 pence` (`Some(Some("GBP"))`).
pub fn cents(word: &str) -> Option<Option<&'static str>> {
    match word.to_ascii_lowercase().as_str() {
        "cents" | "cent" | "cts" => Some(None),
        "pence" | "penny" => Some(Some("GBP")),
        _ => None,
    }
}

/// A percentage written as a word after the number: `percent`, `pct`; `per cent` and
/// `percentage points` are two words, read by the caller.
pub fn is_percent_word(word: &str) -> bool {
    matches!(word.to_ascii_lowercase().as_str(), "percent" | "pct" | "pc")
}

/// A unit of measure written after the number, with its symbol: `kilometres` → `km`.
/// Lower-cased words; abbreviations also work glued to the number (`280km`).
pub fn unit(word: &str) -> Option<&'static str> {
    Some(match word.to_ascii_lowercase().as_str() {
        "km" | "kms" | "kilometre" | "kilometres" | "kilometer" | "kilometers" => "km",
        "mile" | "miles" | "mi" => "mi",
        "metre" | "metres" | "meter" | "meters" => "m",
        "cm" | "centimetre" | "centimetres" | "centimeter" | "centimeters" => "cm",
        "mm" | "millimetre" | "millimetres" | "millimeter" | "millimeters" => "mm",
        "foot" | "feet" | "ft" => "ft",
        "inch" | "inches" => "in",
        "yard" | "yards" => "yd",
        "tonne" | "tonnes" => "t",
        "ton" | "tons" => "ton",
        "kg" | "kgs" | "kilogram" | "kilograms" | "kilogramme" | "kilogrammes" | "kilo"
        | "kilos" => "kg",
        "gram" | "grams" | "gramme" | "grammes" => "g",
        "pound" | "pounds" | "lb" | "lbs" => "lb",
        "ounce" | "ounces" | "oz" => "oz",
        "barrel" | "barrels" => "barrel",
        "litre" | "litres" | "liter" | "liters" => "L",
        "gallon" | "gallons" => "gal",
        "acre" | "acres" => "acre",
        "hectare" | "hectares" | "ha" => "ha",
        "bushel" | "bushels" => "bu",
        "mw" | "megawatt" | "megawatts" => "MW",
        "gw" | "gigawatt" | "gigawatts" => "GW",
        "kw" | "kilowatt" | "kilowatts" => "kW",
        "kwh" | "kilowatt-hour" | "kilowatt-hours" => "kWh",
        "mwh" | "megawatt-hour" | "megawatt-hours" => "MWh",
        "gwh" | "gigawatt-hour" | "gigawatt-hours" => "GWh",
        "twh" | "terawatt-hour" | "terawatt-hours" => "TWh",
        "mph" => "mph",
        "kph" | "km/h" => "km/h",
        "knot" | "knots" => "kn",
        "degree" | "degrees" => "°",
        "magnitude" => "magnitude",
        _ => return None,
    })
}

/// Units of two words: `square kilometres`, `metric tons`, `degrees Celsius`.
pub fn two_word_unit(first: &str, second: &str) -> Option<&'static str> {
    let first = first.to_ascii_lowercase();
    let second_unit = unit(second);
    Some(match (first.as_str(), second_unit) {
        ("square" | "sq" | "sq.", Some("km")) => "km²",
        ("square" | "sq" | "sq.", Some("mi")) => "mi²",
        ("square" | "sq" | "sq.", Some("m")) => "m²",
        ("square" | "sq" | "sq.", Some("ft")) => "ft²",
        ("cubic", Some("m")) => "m³",
        ("cubic", Some("ft")) => "ft³",
        ("metric", Some("ton")) => "t",
        ("degree" | "degrees", _) => match second.to_ascii_lowercase().as_str() {
            "celsius" | "centigrade" | "c" => "°C",
            "fahrenheit" | "f" => "°F",
            _ => return None,
        },
        _ => return None,
    })
}

/// The noun of a rate: `$80 a barrel`, `25 cts a share`, `2% a year`.
pub fn rate_noun(word: &str) -> Option<&'static str> {
    Some(match word.to_ascii_lowercase().as_str() {
        "barrel" => "barrel",
        "share" => "share",
        "tonne" => "tonne",
        "ton" => "ton",
        "ounce" => "ounce",
        "pound" | "lb" => "pound",
        "kilogram" | "kilo" | "kg" => "kg",
        "litre" | "liter" => "litre",
        "gallon" => "gallon",
        "bushel" => "bushel",
        "kilowatt-hour" | "kwh" => "kWh",
        "megawatt-hour" | "mwh" => "MWh",
        "hour" => "hour",
        "day" => "day",
        "week" => "week",
        "month" => "month",
        "year" | "annum" => "year",
        "person" | "head" | "capita" => "person",
        "unit" => "unit",
        "mile" => "mile",
        "km" | "kilometre" | "kilometer" => "km",
        _ => return None,
    })
}

/// A number written as a word: `five`, `twenty-five`. `a`/`an` count as one only before
/// a scale word, which the caller checks.
pub fn number_word(word: &str) -> Option<u32> {
    // The longest is `seventy-seven`: other words are refused at once (this runs on
    // every word of the story).
    const LONGEST: usize = 13;
    // Every number word starts with one of these letters.
    let initial = |c: char| {
        matches!(
            c.to_ascii_lowercase(),
            'z' | 'o' | 't' | 'f' | 's' | 'e' | 'n'
        )
    };
    if word.len() > LONGEST || !word.starts_with(initial) {
        return None;
    }
    if let Some((tens, ones)) = word.split_once('-') {
        let (tens, ones) = (small_number(tens)?, small_number(ones)?);
        return (tens >= 20 && tens % 10 == 0 && (1..10).contains(&ones)).then_some(tens + ones);
    }
    small_number(word)
}

/// `word` (any case) as a number word of one part: `Five` → 5, `twenty` → 20.
fn small_number(word: &str) -> Option<u32> {
    const WORDS: [&str; 20] = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ];
    const TENS: [&str; 8] = [
        "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    ];
    if let Some(n) = WORDS.iter().position(|w| w.eq_ignore_ascii_case(word)) {
        return Some(n as u32);
    }
    TENS.iter()
        .position(|w| w.eq_ignore_ascii_case(word))
        .map(|n| 20 + 10 * n as u32)
}

/// A fraction's denominator: `third(s)` → 3, `quarter(s)` → 4, `fifth(s)` → 5.
pub fn fraction_denominator(word: &str) -> Option<u32> {
    Some(match word.to_ascii_lowercase().as_str() {
        "half" => 2,
        "third" | "thirds" => 3,
        "quarter" | "quarters" => 4,
        "fifth" | "fifths" => 5,
        "tenth" | "tenths" => 10,
        _ => return None,
    })
}
