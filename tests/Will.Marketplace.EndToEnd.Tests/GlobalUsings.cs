global using Microsoft.Playwright;
global using NUnit.Framework;
global using Will.Marketplace.Testing;
global using static Microsoft.Playwright.Assertions;
