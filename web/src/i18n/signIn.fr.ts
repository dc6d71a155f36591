import type { signInEn } from './signIn.en.ts';

/** French messages of the first screen (see signIn.en.ts). */
export const signInFr: Record<keyof typeof signInEn, string> = {
  'app.name': 'OpenPBF',
  'app.tagline': 'Financement basé sur la performance',
  'signIn.title': 'Connexion',
  'signIn.username': "Nom d'utilisateur",
  'signIn.password': 'Mot de passe',
  'signIn.submit': 'Se connecter',
  'signIn.failed': "Nom d'utilisateur inconnu ou mot de passe erroné.",
  'signIn.tooMany': 'Trop de tentatives. Patientez une minute et réessayez.',
  'signIn.locked': 'Trop de mots de passe erronés pour ce compte. Réessayez après {{time}}.',
  'app.loadFailed': 'L’écran suivant n’a pas pu être chargé depuis le serveur : vérifiez la connexion, puis réessayez.',
  'common.retry': 'Réessayer',
  'common.loading': 'Chargement…',
};
