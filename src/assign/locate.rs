//! Where things are written in a set file, so a diagnostic can point at the
//! value concerned. A small scanner notes every `key:` and every string
//! literal outside comments; lookups then ask for the n-th `min_rating:` or
//! the n-th string after `scenarios:`.

/// The keys and string literals of one source text, with byte offsets.
pub(crate) struct SourceMap<'a> {
    source: &'a str,
    /// `(key, byte offset of the value after the colon)`, in source order.
    keys: Vec<(&'a str, usize)>,
    /// Byte offsets of the opening quote of every string literal.
    strings: Vec<usize>,
}

impl<'a> SourceMap<'a> {
    /// Scans the source once.
    pub(crate) fn new(source: &'a str) -> SourceMap<'a> {
        let bytes = source.as_bytes();
        let mut map = SourceMap {
            source,
            keys: Vec::new(),
            strings: Vec::new(),
        };
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'"' => {
                    map.strings.push(i);
                    i = skip_string(bytes, i + 1);
                }
                b'/' if bytes.get(i + 1) == Some(&b'/') => {
                    i = bytes[i..]
                        .iter()
                        .position(|&b| b == b'\n')
                        .map_or(bytes.len(), |p| i + p);
                }
                b'/' if bytes.get(i + 1) == Some(&b'*') => {
                    i = source[i + 2..]
                        .find("*/")
                        .map_or(bytes.len(), |p| i + 2 + p + 2);
                }
                b if b.is_ascii_alphabetic() || b == b'_' => {
                    let start = i;
                    while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'_')
                    {
                        i += 1;
                    }
                    let mut after = i;
                    while after < bytes.len() && bytes[after].is_ascii_whitespace() {
                        after += 1;
                    }
                    if bytes.get(after) == Some(&b':') {
                        let mut value = after + 1;
                        while value < bytes.len() && bytes[value].is_ascii_whitespace() {
                            value += 1;
                        }
                        map.keys.push((&source[start..i], value));
                    }
                }
                _ => i += 1,
            }
        }
        map
    }

    /// Where the value of the `nth` (0-based) `key:` is written.
    pub(crate) fn key(&self, key: &str, nth: usize) -> Option<(usize, usize)> {
        self.key_offset(key, nth)
            .map(|offset| self.line_col(offset))
    }

    /// Where the `nth` (0-based) string literal after the first `key:` starts.
    pub(crate) fn string_after(&self, key: &str, nth: usize) -> Option<(usize, usize)> {
        let from = self.key_offset(key, 0)?;
        let offset = *self.strings.iter().filter(|&&s| s >= from).nth(nth)?;
        Some(self.line_col(offset))
    }

    fn key_offset(&self, key: &str, nth: usize) -> Option<usize> {
        self.keys
            .iter()
            .filter(|(k, _)| *k == key)
            .nth(nth)
            .map(|&(_, offset)| offset)
    }

    /// 1-based line and column (in characters) of a byte offset.
    fn line_col(&self, offset: usize) -> (usize, usize) {
        let before = &self.source[..offset.min(self.source.len())];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |p| p + 1);
        (line, before[line_start..].chars().count() + 1)
    }
}

/// The byte after the closing quote of a string whose content starts at `i`.
fn skip_string(bytes: &[u8], mut i: usize) -> usize {
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b'"' => return i + 1,
            _ => i += 1,
        }
    }
    bytes.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    const SOURCE: &str = "AssignmentSet(\n  id: \"a\", // title: \"no\"\n  scenarios: [\"x\", \"y:z\"],\n  criteria: (skills: [(skill: empathy, min_rating: 0), (skill: warmth, min_rating: 9)]),\n)";

    #[test]
    fn keys_are_found_outside_comments_and_strings() {
        let map = SourceMap::new(SOURCE);
        assert_eq!(map.key("id", 0), Some((2, 7)));
        assert_eq!(map.key("title", 0), None);
        assert_eq!(map.key("min_rating", 1), Some((4, 84)));
    }

    #[test]
    fn list_strings_are_found_in_order() {
        let map = SourceMap::new(SOURCE);
        assert_eq!(map.string_after("scenarios", 0), Some((3, 15)));
        assert_eq!(map.string_after("scenarios", 1), Some((3, 20)));
    }
}
