//! Runs a judged collection against an index in memory and prints the
//! figures and every query's first results: for tuning the ranking. The
//! command `kyoso eval search` is the one to quote.

use std::sync::Arc;

use kyoso_search::{Audience, Collection, EvalReport, SearchIndex};
use kyoso_text::Vocabulary;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "eval/search/collection.json".into());
    let only = std::env::args().nth(2);
    let collection = Collection::parse(&std::fs::read_to_string(&path)?)?;
    let index = SearchIndex::in_memory(Arc::new(Vocabulary::builtin()))?;
    let docs: Vec<_> = collection
        .records
        .iter()
        .map(|r| r.to_search_doc())
        .collect();
    index.put(&docs)?;
    index.commit()?;
    let mut judged = Vec::new();
    for query in &collection.queries {
        let asked = query.search_query();
        let found = index.search(&asked, &Audience::everything())?;
        let keys: Vec<String> = found.hits.iter().map(|h| h.id.clone()).collect();
        let result = query.judge(keys);
        if query.split.as_deref() != Some("heldout")
            && only.as_deref().is_none_or(|o| query.key == o)
            && result.ndcg < 0.8
        {
            println!(
                "{} {} [{:.3}] {}",
                query.key, query.language, result.ndcg, query.text
            );
            for hit in found.hits.iter().take(10) {
                println!(
                    "   {:.3} {} ({}) {:?}",
                    hit.score,
                    hit.id,
                    query.judgements.get(&hit.id).copied().unwrap_or(0),
                    hit.matched
                );
            }
            let mut missing: Vec<_> = query
                .judgements
                .iter()
                .filter(|(k, g)| **g >= 2 && !result.top.contains(k))
                .collect();
            missing.sort_by_key(|(_, g)| std::cmp::Reverse(**g));
            println!("   missing: {missing:?}");
        }
        judged.push(result);
    }
    let report = EvalReport::of(judged);
    println!("overall {:?}", report.overall);
    for (language, scores) in &report.by_language {
        println!("{language} {scores:?}");
    }
    for (split, scores) in &report.by_split {
        println!("{split} {scores:?}");
    }
    Ok(())
}
