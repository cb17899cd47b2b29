//! Rendering the app to HTML files at build time, one per route, by the same components the
//! browser hydrates.
//!
//! A page is Trunk's `index.html` (its head carries the hashed stylesheet and wasm links)
//! with the route's `<title>`, the app rendered into `<body>`, and Trunk's inline module
//! initializer replaced by an external `boot` script, so that no page holds an inline script
//! or style and the site runs under a strict Content-Security-Policy.

use std::sync::Arc;

use corpus::paths;
use leptos::prelude::*;
use leptos::tachys::view::RenderHtml;
use leptos_router::location::RequestUrl;

use crate::app::App;
use crate::hooks::{PageTitle, RoutePath, SiteBase};

/// The corpus every page will be rendered from (once per process).
pub fn install_corpus(corpus: corpus::model::Corpus) {
    crate::data::install(corpus);
}

/// Renders the app's `<body>` for `path` (an app path such as `/doc/x`) on a site hosted
/// under `base`; returns the body's HTML and the page title.
pub fn render_body(base: &str, path: &str) -> (String, String) {
    let owner = Owner::new_root(Some(Arc::new(
        hydration_context::SsrSharedContext::new_islands(),
    )));
    let title = PageTitle::default();
    let html = owner.with(|| {
        // The router's routes have no trailing slash; the site's addresses do.
        let route = match path.trim_end_matches('/') {
            "" => "/",
            route => route,
        };
        provide_context(RequestUrl::new(&paths::under(base, route)));
        provide_context(title.clone());
        provide_context(SiteBase(base.to_string()));
        provide_context(RoutePath(path.to_string()));
        view! { <App base=base.to_string() /> }.to_html()
    });
    owner.unset();
    let title = title.0.lock().map(|t| t.clone()).unwrap_or_default();
    (html, title)
}

/// Trunk's `index.html`, split where each page puts its own title and body.
pub struct PageTemplate {
    head_start: String,
    head_end: String,
    body_tag: String,
    tail: String,
    /// The boot script every page loads: it loads the wasm, then hands each island on the
    /// page to its exported hydrate function (what Leptos's inline islands script does).
    pub boot_script: String,
    /// The boot script's file name, after its content, so that a cached copy is never used
    /// with another build's wasm.
    pub boot_file: String,
}

/// What is wrong with a Trunk `index.html` that this renderer cannot use.
#[derive(Debug)]
pub struct TemplateError(pub &'static str);

impl std::fmt::Display for TemplateError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Trunk's index.html {}", self.0)
    }
}

impl PageTemplate {
    /// Reads Trunk's output, for a site hosted under `base` ("" or "/reader").
    pub fn from_trunk(html: &str, base: &str) -> Result<PageTemplate, TemplateError> {
        let html = without_inline_scripts(html);
        let glue = link_href(&html, "modulepreload", ".js")
            .ok_or(TemplateError("has no modulepreload link to the wasm glue"))?;
        let wasm = link_href(&html, "preload", ".wasm")
            .ok_or(TemplateError("has no preload link to the wasm"))?;
        // No preloads: fetched from the head, the wasm would share the first round trips
        // with the page and its stylesheet. The boot module runs after the page is parsed
        // and fetches them then: text first, interactivity next.
        let html = without_links(&html, &["modulepreload", "preload"]);
        let title_start = html
            .find("<title>")
            .ok_or(TemplateError("has no <title>"))?;
        let title_end = html[title_start..]
            .find("</title>")
            .map(|i| title_start + i + "</title>".len())
            .ok_or(TemplateError("has an unclosed <title>"))?;
        let head_close = html
            .find("</head>")
            .ok_or(TemplateError("has no </head>"))?;
        let body_open = html.find("<body").ok_or(TemplateError("has no <body>"))?;
        let body_open_end = html[body_open..]
            .find('>')
            .map(|i| body_open + i + 1)
            .ok_or(TemplateError("has an unclosed <body> tag"))?;
        let body_close = html
            .rfind("</body>")
            .ok_or(TemplateError("has no </body>"))?;
        if !(title_end <= head_close && head_close < body_open && body_open_end <= body_close) {
            return Err(TemplateError(
                "is not laid out as <head>…</head><body>…</body>",
            ));
        }
        let boot_script = boot_script(&glue, &wasm);
        let boot_file = format!("boot-{:016x}.js", fnv1a(&boot_script));
        Ok(PageTemplate {
            head_start: html[..title_start].to_string(),
            head_end: format!(
                "{}<script type=\"module\" src=\"{}\"></script>\n  ",
                &html[title_end..head_close],
                escape_attribute(&corpus::paths::under(base, &format!("/{boot_file}")))
            ),
            body_tag: html[head_close..body_open_end].to_string(),
            tail: html[body_close..].to_string(),
            boot_script,
            boot_file,
        })
    }

    /// A whole page.
    pub fn page(&self, title: &str, body: &str) -> String {
        format!(
            "{}<title>{}</title>{}{}{}{}",
            self.head_start,
            escape_text(title),
            self.head_end,
            self.body_tag,
            body,
            self.tail
        )
    }
}

/// The boot script for the glue module and wasm at these addresses.
fn boot_script(glue: &str, wasm: &str) -> String {
    format!(
        r#"// Starts the reader: written by the build (src/render.rs). An external module rather
// than an inline initializer, so that the site runs under script-src 'self'.
// Text first: the code is fetched once the page has been painted (after the next frame),
// so that it never shares the first screen's round trips or main thread.
await new Promise((painted) => requestAnimationFrame(() => setTimeout(painted, 0)));
const reader = await import("{glue}");
await reader.default({{ module_or_path: "{wasm}" }});
for (const island of document.querySelectorAll("leptos-island")) {{
  const hydrate = reader[island.dataset.component];
  if (hydrate) hydrate(island);
  else console.warn(`no hydrate function for the island ${{island.dataset.component}}`);
}}
document.documentElement.dataset.hydrated = "";
"#
    )
}

/// FNV-1a: a content hash that is the same in every build (unlike std's hasher).
fn fnv1a(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// The `href` of the first `<link rel=REL>` whose address ends with `suffix`.
fn link_href(html: &str, rel: &str, suffix: &str) -> Option<String> {
    html.match_indices("<link").find_map(|(start, _)| {
        let tag = &html[start..start + html[start..].find('>')?];
        let has_rel =
            tag.contains(&format!("rel=\"{rel}\"")) || tag.contains(&format!("rel={rel} "));
        let href_at = tag.find("href=\"")? + "href=\"".len();
        let href = &tag[href_at..href_at + tag[href_at..].find('"')?];
        (has_rel && href.ends_with(suffix)).then(|| href.to_string())
    })
}

/// The page without its `<link>`s of these `rel`s.
fn without_links(html: &str, rels: &[&str]) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(start) = rest.find("<link") {
        let Some(end) = rest[start..].find('>').map(|i| start + i + 1) else {
            break;
        };
        out.push_str(&rest[..start]);
        let tag = &rest[start..end];
        if !rels
            .iter()
            .any(|rel| tag.contains(&format!("rel=\"{rel}\"")))
        {
            out.push_str(tag);
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// The page without any `<script>` that has no `src` (Trunk's initializer).
fn without_inline_scripts(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(start) = rest.find("<script") {
        let Some(open_end) = rest[start..].find('>').map(|i| start + i) else {
            break;
        };
        let Some(close) = rest[open_end..].find("</script>").map(|i| open_end + i) else {
            break;
        };
        let end = close + "</script>".len();
        out.push_str(&rest[..start]);
        if rest[start..open_end].contains(" src=") {
            out.push_str(&rest[start..end]);
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

fn escape_text(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

fn escape_attribute(text: &str) -> String {
    escape_text(text).replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    use super::*;

    const TRUNK: &str = r#"<!DOCTYPE html><html lang="en"><head>
<meta charset="utf-8"><title>Source Reader</title>
<link rel="stylesheet" href="/main-1.css" integrity="x"/>
<link rel="modulepreload" href="/reader-2.js" crossorigin="anonymous" integrity="y">
<link rel="preload" href="/reader-2_bg.wasm" crossorigin="anonymous" integrity="z" as="fetch" type="application/wasm">
<script type="module">import init from '/reader-2.js'; init();</script>
</head><body>
</body></html>"#;

    #[test]
    fn a_page_has_its_title_and_body_and_no_inline_script() {
        let template = PageTemplate::from_trunk(TRUNK, "/reader").expect("a usable template");
        assert!(template.boot_file.starts_with("boot-") && template.boot_file.ends_with(".js"));
        let boot_src = format!("/reader/{}", template.boot_file);
        let page = template.page("A & B", "<main>text</main>");
        assert!(page.contains("<title>A &amp; B</title>"));
        assert!(page.contains("<body><main>text</main></body>"));
        assert!(page.contains(&format!(
            "<script type=\"module\" src=\"{boot_src}\"></script>"
        )));
        assert!(!page.contains("import init"));
        assert!(page.contains("main-1.css"));
        assert!(!page.contains("preload"));
        assert!(template.boot_script.contains("import(\"/reader-2.js\")"));
        assert!(
            template
                .boot_script
                .contains("module_or_path: \"/reader-2_bg.wasm\"")
        );
    }

    #[test]
    fn a_template_without_the_wasm_links_is_refused() {
        let error = PageTemplate::from_trunk(
            "<html><head><title></title></head><body></body></html>",
            "/b.js",
        );
        assert!(error.is_err());
    }
}
