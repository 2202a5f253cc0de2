// Kept apart from setup-notifications (which loads Electron) so plain-Node tests can compare it with package.json.

/** The app's id; Windows shows notifications only for an app with a user model id. Matches package.json build.appId. */
export const APP_USER_MODEL_ID = 'dev.sentinel.app';
