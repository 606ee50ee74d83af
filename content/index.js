'use strict';
// The seed library as data. Consumers (api seed step, miniapp build) read it through this module.
const hotlines = require('./hotlines.json');
const demoStations = require('./demo-stations.json');

module.exports = { hotlines, demoStations };
