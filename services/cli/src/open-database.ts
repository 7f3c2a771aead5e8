// The CLI opens the database the environment names, as the gateway does: one definition, in @chitieu/database.
export { type DatabaseLocation, DEFAULT_DATA_DIR, openDatabase } from '@chitieu/database';
