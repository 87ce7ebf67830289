import * as migration_20261123_105607_schema from './20261123_105607_schema';
import * as migration_20261123_230000_guards from './20261123_230000_guards';
import * as migration_20261203_170000_dutch_name_order from './20261203_170000_dutch_name_order';
import * as migration_20261203_190000_list_indexes from './20261203_190000_list_indexes';
import * as migration_20261203_192348_organisation_public_theme from './20261203_192348_organisation_public_theme';
import * as migration_20261203_192402_sign_in from './20261203_192402_sign_in';
import * as migration_20261203_192521_national_register from './20261203_192521_national_register';
import * as migration_20261203_193618_register_settings from './20261203_193618_register_settings';

export const migrations = [
  { up: migration_20261123_105607_schema.up, down: migration_20261123_105607_schema.down, name: '20261123_105607_schema' },
  { up: migration_20261123_230000_guards.up, down: migration_20261123_230000_guards.down, name: '20261123_230000_guards' },
  { up: migration_20261203_170000_dutch_name_order.up, down: migration_20261203_170000_dutch_name_order.down, name: '20261203_170000_dutch_name_order' },
  { up: migration_20261203_190000_list_indexes.up, down: migration_20261203_190000_list_indexes.down, name: '20261203_190000_list_indexes' },
  { up: migration_20261203_192348_organisation_public_theme.up, down: migration_20261203_192348_organisation_public_theme.down, name: '20261203_192348_organisation_public_theme' },
  { up: migration_20261203_192402_sign_in.up, down: migration_20261203_192402_sign_in.down, name: '20261203_192402_sign_in' },
  { up: migration_20261203_192521_national_register.up, down: migration_20261203_192521_national_register.down, name: '20261203_192521_national_register' },
  { up: migration_20261203_193618_register_settings.up, down: migration_20261203_193618_register_settings.down, name: '20261203_193618_register_settings' },
];
