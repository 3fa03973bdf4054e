"""One module per page, each with `render(context)`; the menu that lists them is `components.navigation`."""
