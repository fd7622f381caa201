use skjemavakt::forms::schema::Privacy;
use skjemavakt::privacy::{scan_with, Identity};
fn main() {
    let args: Vec<String> = std::env::args().collect();
    let class = match args[1].as_str() {
        "free" => Privacy::FreeText,
        "code" => Privacy::Code,
        "name" => Privacy::AllowedName,
        "lit" => Privacy::Literature,
        "link" => Privacy::Link,
        _ => Privacy::Structured,
    };
    let id = if args.len() > 3 {
        Identity::new(Some(&args[3]), Some("14037410021"))
    } else {
        Identity::none()
    };
    for f in scan_with(&args[2], class, &id) {
        println!(
            "{:?} {:?} {}..{} {:?}",
            f.kind,
            f.basis,
            f.span.start,
            f.span.end,
            &args[2][f.span.start..f.span.end]
        );
    }
}
