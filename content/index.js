'use strict';
// The seed library as data. Consumers (api seed step, miniapp build) read it through this module.
const path = require('node:path');
const hotlines = require('./hotlines.json');
const demoStations = require('./demo-stations.json');
const demoCounselors = require('./demo-counselors.json');

/** content/articles: one Markdown file with YAML front matter per article (see the content contract). */
const articlesDir = path.join(__dirname, 'articles');
/** content/media: catalog.json plus the audio, video and cover files it names. */
const mediaDir = path.join(__dirname, 'media');

const FRONT_MATTER = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

/**
 * Splits a seed file into its YAML front matter and the Markdown body. `yaml` is this package's dependency, so
 * consumers parse seed files here instead of each depending on a YAML parser. Throws on malformed YAML.
 */
function parseFrontMatter(source) {
  const match = FRONT_MATTER.exec(source);
  if (!match) return { data: null, body: source };
  // Required lazily: most consumers only want the JSON data above.
  const YAML = require('yaml');
  return { data: YAML.parse(match[1]), body: source.slice(match[0].length) };
}

module.exports = { hotlines, demoStations, demoCounselors, articlesDir, mediaDir, parseFrontMatter };
