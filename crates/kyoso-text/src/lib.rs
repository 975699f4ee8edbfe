//! Text analysis for search and matching: normalisation, word segmentation
//! in English, Japanese, Thai and Vietnamese, and the field's multilingual
//! vocabulary. Pure: no IO.
