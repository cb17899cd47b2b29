//! "Also in N sources": the marker of a passage that is told elsewhere in the corpus, a
//! disclosure for its counterpart list. Built as a link to the list, so that without
//! JavaScript it still opens it (by `:target`); the island makes it a toggle.

use leptos::prelude::*;

use crate::browser;

/// The marker of the list with id `list_id`.
#[island]
pub fn CounterpartsToggle(list_id: String, label: String) -> impl IntoView {
    let open = RwSignal::new(false);
    let list = list_id.clone();
    // The list is outside the island (a list cannot sit inside the paragraph the marker
    // ends): one element, found by its id, follows the signal.
    Effect::new(move |_| browser::set_class_by_id(&list, "is-open", open.get()));
    let toggle = move || open.update(|open| *open = !*open);
    view! {
        <a
            class="counterparts-toggle"
            href=format!("#{list_id}")
            role="button"
            aria-expanded=move || open.get().to_string()
            aria-controls=list_id
            on:click=move |event| {
                event.prevent_default();
                toggle();
            }
            on:keydown=move |event| {
                // A link answers Enter by itself (a click); a button also answers Space.
                if event.key() == " " {
                    event.prevent_default();
                    toggle();
                }
            }
        >
            {label}
        </a>
    }
}
