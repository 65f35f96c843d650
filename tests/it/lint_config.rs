//! `ereje.toml`: found next to the first PATH or given with `--config`, its levels under the
//! command line's, its paths and overrides, and its errors pointing into it.

use std::path::Path;

use crate::lint_output::{CYRILLIC, run_in, scratch};

/// A project folder: `ereje.toml` with `config`, and `rules/permit.ereje`.
fn project(name: &str, config: &str) -> std::path::PathBuf {
    let dir = scratch(name);
    std::fs::create_dir_all(dir.join("rules")).expect("rules folder");
    std::fs::write(dir.join("rules/permit.ereje"), CYRILLIC).expect("written");
    std::fs::write(dir.join("ereje.toml"), config).expect("written");
    dir
}

fn codes(out: &str) -> Vec<String> {
    out.lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .map(|v| {
            format!(
                "{} {}",
                v["code"].as_str().unwrap_or("?"),
                v["severity"].as_str().unwrap_or("?")
            )
        })
        .collect()
}

#[test]
fn the_file_next_to_the_first_path_sets_levels_under_the_command_line() {
    let dir = project(
        "config-levels",
        "[lint]\ndeny = [\"warnings\"]\n[lint.levels]\nstep-deadlines-exceed-term = \"info\"\n",
    );
    let (status, out, err) = run_in(&dir, &["lint", "--format", "json", "rules"], &[]);
    assert_eq!(status, 1, "{err}");
    assert_eq!(codes(&out), ["L020 error", "L035 info"]);
    // found from the first PATH, wherever the command runs
    let path = dir.join("rules/permit.ereje");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let (status, out, _) = run_in(
        root,
        &["lint", "--format", "json", path.to_str().expect("path")],
        &[],
    );
    assert_eq!(status, 1);
    assert_eq!(codes(&out), ["L020 error", "L035 info"]);
    // the command line wins
    let (status, out, _) = run_in(
        &dir,
        &[
            "lint",
            "--format",
            "json",
            "-A",
            "unstated-day-kind",
            "-W",
            "L035",
            "rules",
        ],
        &[],
    );
    assert_eq!(status, 1, "L035 is a warning, and warnings are denied");
    assert_eq!(codes(&out), ["L035 error"]);
    // --config names another file
    std::fs::write(
        dir.join("quiet.toml"),
        "[lint]\nallow = [\"L020\", \"L035\"]\n",
    )
    .expect("w");
    let (status, out, _) = run_in(
        &dir,
        &[
            "lint",
            "--format",
            "json",
            "--config",
            "quiet.toml",
            "rules",
        ],
        &[],
    );
    assert_eq!(status, 0);
    assert!(codes(&out).is_empty(), "{out}");
}

#[test]
fn paths_choose_the_files_and_overrides_set_levels_in_some_of_them() {
    let dir = project(
        "config-paths",
        "[lint.paths]\nexclude = [\"rules/drafts\"]\n\n[[lint.overrides]]\npaths = [\"rules/*.ereje\"]\nlevels = { L020 = \"deny\" }\n",
    );
    std::fs::create_dir_all(dir.join("rules/drafts")).expect("drafts");
    std::fs::write(dir.join("rules/drafts/half.ereje"), "service {").expect("written");
    let (status, out, err) = run_in(&dir, &["lint", "--format", "json", "rules"], &[]);
    assert_eq!(status, 1, "{out}{err}");
    assert_eq!(codes(&out), ["L020 error", "L035 warning"]);
    // a file named on the command line is linted, excluded or not
    let (status, _, _) = run_in(&dir, &["lint", "rules/drafts/half.ereje"], &[]);
    assert_eq!(status, 2, "it does not compile");
    // an override that matches no file changes nothing
    std::fs::write(
        dir.join("ereje.toml"),
        "[lint.paths]\ninclude = [\"rules/*.ereje\"]\n[[lint.overrides]]\npaths = [\"other/**\"]\nlevels = { L020 = \"deny\" }\n",
    )
    .expect("written");
    let (status, out, _) = run_in(&dir, &["lint", "--format", "json", "rules"], &[]);
    assert_eq!(status, 0, "{out}");
    assert_eq!(codes(&out), ["L020 warning", "L035 warning"]);
    std::fs::write(
        dir.join("ereje.toml"),
        "[lint.paths]\ninclude = [\"nothing/**\"]\n",
    )
    .expect("written");
    let (status, _, err) = run_in(&dir, &["lint", "rules"], &[]);
    assert_eq!(status, 2);
    assert!(err.contains("leaves no rule file to lint"), "{err}");
}

#[test]
fn what_the_file_gets_wrong_is_shown_in_it_and_stops_the_run() {
    let dir = project(
        "config-errors",
        "[lint]\ndeny = [\"unstated-day-kinds\"]\nforbid = [\"L020\"]\n",
    );
    let (status, out, err) = run_in(&dir, &["lint", "rules"], &[]);
    assert_eq!(status, 2, "{out}");
    assert!(err.contains("unknown field `forbid`"), "{err}");
    std::fs::write(
        dir.join("ereje.toml"),
        "[lint]\ndeny = [\"unstated-day-kinds\"]\n\n[lint.levels]\nunused-actor = \"forbid\"\n",
    )
    .expect("written");
    let (status, _, err) = run_in(&dir, &["lint", "rules"], &[]);
    assert_eq!(status, 2);
    insta::assert_snapshot!("lint_config_errors", err);
    let (status, _, err) = run_in(&dir, &["lint", "--config", "absent.toml", "rules"], &[]);
    assert_eq!(status, 2);
    assert!(
        err.contains("cannot read the configuration `absent.toml`"),
        "{err}"
    );
}
