//! Per-draft stages on a generated draft (the same generator as
//! `bench/gen_corpus.rs`): reading a draft, and checking one with the
//! built-in pack and with the generated 500-rule style pack.
//!
//! `cargo bench --bench stages`

#[path = "../bench/gen/mod.rs"]
mod generator;

use copydesk::check;
use copydesk::date::Date;
use copydesk::draft::Draft;
use copydesk::rules::Pack;
use copydesk::run::{Engine, analyze};
use copydesk::settings::Config;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;
use std::sync::Arc;
use std::time::Duration;

const DATE: Date = Date {
    year: 2025,
    month: 6,
    day: 20,
};

/// A draft of about 10 KB, the corpus average.
fn sample() -> (generator::World, String) {
    let world = generator::World::new(1);
    let text = generator::draft(&world, &mut generator::Rng::new(7), 10_000);
    (world, text)
}

/// The built-in pack plus the generated style pack, read from memory.
fn style_engine(world: &generator::World) -> Engine {
    let mut pack = Pack::builtin().expect("built-in pack loads");
    let mut errors = Vec::new();
    pack.add_file(
        "bench/style.toml",
        Arc::from(generator::style_toml(world)),
        &mut errors,
    );
    assert!(
        errors.is_empty(),
        "generated style pack does not load: {errors:?}"
    );
    let checks = check::build(&pack, &check::Data::default()).expect("checks build");
    Engine {
        language: pack.language(),
        pack,
        checks,
    }
}

fn stages(c: &mut Criterion) {
    let (world, text) = sample();
    let mut builtin = Engine::new(&Config::default()).expect("built-in pack loads");
    let mut style = style_engine(&world);
    let lang = builtin.language.clone();

    let mut group = c.benchmark_group("draft");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("parse", |b| {
        b.iter(|| Draft::parse("bench.md", black_box(text.as_str()), &lang))
    });
    let drafts = [Draft::parse("bench.md", text.as_str(), &lang)];
    group.bench_function("check/builtin", |b| {
        b.iter(|| analyze(&mut builtin, black_box(&drafts), &[], DATE))
    });
    group.bench_function("check/style-500", |b| {
        b.iter(|| analyze(&mut style, black_box(&drafts), &[], DATE))
    });
    group.bench_function("parse+check/builtin", |b| {
        b.iter(|| {
            let drafts = [Draft::parse("bench.md", black_box(text.as_str()), &lang)];
            analyze(&mut builtin, &drafts, &[], DATE)
        })
    });
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3))
        .sample_size(50);
    targets = stages
}
criterion_main!(benches);
