//! Every text a person reads, in English, Japanese, Thai and Vietnamese,
//! from Fluent message files compiled into the binary.
