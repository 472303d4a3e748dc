/** IndexNow: tells Bing, Yandex, Seznam and Naver when a hosted posting page is published, changed or withdrawn. */
export { defineIndexNowTask, indexNowTarget } from './indexnow-task';
export { indexNowKey, indexNowKeyPath, INDEXNOW_KEY_PATTERN } from './indexnow-key';
export { registerIndexNowKeyRoute } from './indexnow-key.route';
export { INDEXNOW_BATCH } from './indexnow-client';
