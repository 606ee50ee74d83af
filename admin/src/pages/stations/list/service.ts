// The station calls live in src/services/stations.ts (shared with the booking pages); re-exported here
// so this page keeps the usual pages/<area>/<page>/service.ts shape.
export { STATION_LEVEL_LABELS, listAdminStations, type Station, type StationLevel } from '../../../services/stations';
