global using NUnit.Framework;
global using Will.Marketplace.Testing;
