// motcua's additions to the stock Tasklist, loaded through scripts/config.js customScripts.
import {watchFormMessages} from './form-messages.js';
import dossierPanel from './dossier-panel.js';

watchFormMessages();

export default [dossierPanel];
