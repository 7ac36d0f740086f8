//! Every built-in rule's `bad` examples trigger it and its `good` examples
//! do not.

use copydesk::check::examples;
use copydesk::run::Engine;
use copydesk::settings::Config;

#[test]
fn builtin_rule_examples_hold() {
    let mut engine = Engine::new(&Config::default()).expect("the built-in pack loads");
    for rule in &engine.pack.rules {
        assert!(
            !rule.bad.is_empty(),
            "rule `{}` has no bad example",
            rule.id
        );
        assert!(
            !rule.good.is_empty(),
            "rule `{}` has no good example",
            rule.id
        );
        assert!(
            !rule.description.trim().is_empty(),
            "rule `{}` has no description",
            rule.id
        );
    }
    let (count, failures) = examples::run(&mut engine, None);
    assert!(count >= 2 * engine.pack.rules.len());
    assert!(failures.is_empty(), "{failures:#?}");
}
