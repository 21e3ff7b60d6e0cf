use std::io::Read;

fn main() {
    if std::env::var("SELFTEST").as_deref() == Ok("1") {
        let uid = std::fs::read_to_string("/proc/self/status")
            .ok()
            .and_then(|s| s.lines().find(|l| l.starts_with("Uid:")).and_then(|l| l.split_whitespace().nth(1)).map(str::to_owned))
            .unwrap_or_default();
        let c = wordcount::count("to be or not to be");
        println!("wordcount {} uid={} to={}", env!("CARGO_PKG_VERSION"), uid, c["to"]);
        return;
    }
    let mut text = String::new();
    std::io::stdin().read_to_string(&mut text).expect("read stdin");
    for (word, n) in wordcount::count(&text) {
        println!("{n:>6} {word}");
    }
}
