//! Entry point of the browser app.

fn main() {
    source_reader::start();
}
