// The app's entry: Vue mounts the recipe.
import { createApp } from 'vue';
import Recipe from './Recipe.vue';

createApp(Recipe, { feed: '/news/feed.xml', counter: '/counter' }).mount('#app');
