//! Names the corpus the explorer embeds: `corpus/corpus.json`, or the file in
//! the `EXPLORER_CORPUS` environment variable (an absolute path), so another
//! corpus can be built into the app without touching the shipped one.

fn main() {
    println!("cargo:rerun-if-env-changed=EXPLORER_CORPUS");
    let manifest_dir = std::env::var("CARGO_MANIFEST_DIR").unwrap_or_default();
    let corpus = std::env::var("EXPLORER_CORPUS").unwrap_or_else(|_| format!("{manifest_dir}/corpus/corpus.json"));
    println!("cargo:rerun-if-changed={corpus}");
    println!("cargo:rustc-env=EXPLORER_CORPUS_PATH={corpus}");
}
