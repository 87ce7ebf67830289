import * as migration_20261123_105240_schema from './20261123_105240_schema';
import * as migration_20261123_110000_guards from './20261123_110000_guards';

export const migrations = [
  {
    up: migration_20261123_105240_schema.up,
    down: migration_20261123_105240_schema.down,
    name: '20261123_105240_schema',
  },
  {
    up: migration_20261123_110000_guards.up,
    down: migration_20261123_110000_guards.down,
    name: '20261123_110000_guards'
  },
];
