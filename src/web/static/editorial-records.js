// Progressive enhancement of the editorial forms; every form works without this file.
//
// Actor names (victims, perpetrators, parties): as a name is typed, existing people and
// organizations are offered in the input's native suggestion list, matched across Cyrillic and
// Latin and across spellings by the server. Choosing one fills the row's hidden actor id and its
// kind, so the record links that very actor. Without this script the typed name is matched on save.
(() => {
  // A refused form: move the keyboard (and the screen reader) to the list of its problems.
  const summary = document.getElementById('form-errors');
  if (summary) summary.focus();

  const inputs = document.querySelectorAll('input[data-suggest]');
  inputs.forEach((input, index) => {
    const url = input.getAttribute('data-suggest');
    const form = input.form;
    if (!url || !form) return;
    const prefix = input.name.replace(/\.name$/, '');
    const idField = form.elements.namedItem(`${prefix}.actor_id`);
    const nameField = form.elements.namedItem(`${prefix}.actor_name`);
    const kindField = form.elements.namedItem(`${prefix}.kind`);
    const list = document.createElement('datalist');
    list.id = `actor-suggestions-${index}`;
    input.after(list);
    input.setAttribute('list', list.id);
    input.setAttribute('autocomplete', 'off');
    let suggestions = [];
    let timer = 0;
    let controller = null;

    const choose = () => {
      const value = input.value.trim();
      const chosen = suggestions.find((item) => item.name === value);
      if (chosen) {
        if (idField) idField.value = chosen.id;
        if (nameField) nameField.value = chosen.name;
        if (kindField && chosen.kind) kindField.value = chosen.kind;
      } else if (nameField && idField && value !== nameField.value) {
        idField.value = '';
      }
    };

    const fetchSuggestions = async () => {
      const typed = input.value.trim();
      if (typed.length < 2) return;
      if (controller) controller.abort();
      controller = new AbortController();
      try {
        const response = await fetch(`${url}?q=${encodeURIComponent(typed)}`, {
          headers: { accept: 'application/json' },
          credentials: 'same-origin',
          signal: controller.signal,
        });
        if (!response.ok) return;
        const body = await response.json();
        suggestions = Array.isArray(body.suggestions) ? body.suggestions : [];
        list.replaceChildren(
          ...suggestions.map((item) => {
            const option = document.createElement('option');
            option.value = item.name;
            option.label =
              item.matched && item.matched !== item.name
                ? `${item.kind_label} · ${item.matched}`
                : item.kind_label;
            return option;
          }),
        );
        choose();
      } catch {
        // A failed suggestion is no loss: the name is matched on save.
      }
    };

    input.addEventListener('input', () => {
      choose();
      window.clearTimeout(timer);
      timer = window.setTimeout(fetchSuggestions, 200);
    });
    input.addEventListener('change', choose);
  });
})();
