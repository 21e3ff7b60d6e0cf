'use strict';
// A tiny note store with tag search.
class Notes {
  #items = [];
  add(text, tags = []) {
    const note = { id: this.#items.length + 1, text, tags: tags.map((t) => t.toLowerCase()) };
    this.#items.push(note);
    return note;
  }
  byTag(tag) {
    return this.#items.filter((n) => n.tags.includes(tag.toLowerCase()));
  }
}
module.exports = { Notes };
